/**
 * Which processor a compiled binary (a `.node` addon, an executable) is for, read from its
 * header: ELF (Linux), PE (Windows) or Mach-O (macOS). The afterPack hook uses it so an installer
 * for arm64 can never ship better-sqlite3 compiled for x64, a mistake that only shows on the
 * consultant's computer, as an app that does not start.
 */

/** @typedef {{ format: 'elf' | 'pe' | 'macho', arch: string }} BinaryKind */

const ELF_MACHINES = new Map([
  [0x03, 'ia32'],
  [0x28, 'armv7l'],
  [0x3e, 'x64'],
  [0xb7, 'arm64'],
]);
const PE_MACHINES = new Map([
  [0x014c, 'ia32'],
  [0x8664, 'x64'],
  [0xaa64, 'arm64'],
]);
const MACHO_CPUS = new Map([
  [0x01000007, 'x64'],
  [0x0100000c, 'arm64'],
]);

/**
 * @param {Uint8Array} bytes the start of the file (64 bytes are enough for ELF and Mach-O; PE needs
 *   its header, which follows the DOS stub, usually within the first 512 bytes)
 * @returns {BinaryKind | null} null when the format is not one of the three or the machine is unknown
 */
export function binaryKind(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 20 && view.getUint32(0) === 0x7f454c46) {
    // ELF: e_machine at 18, in the byte order given at 5 (1 little, 2 big).
    const arch = ELF_MACHINES.get(view.getUint16(18, bytes[5] === 1));
    return arch ? { format: 'elf', arch } : null;
  }
  if (bytes.length >= 64 && bytes[0] === 0x4d && bytes[1] === 0x5a) {
    // PE: "MZ", the offset of "PE\0\0" at 0x3c, the machine right after it.
    const pe = view.getUint32(0x3c, true);
    if (pe + 6 > bytes.length || view.getUint32(pe) !== 0x50450000) return null;
    const arch = PE_MACHINES.get(view.getUint16(pe + 4, true));
    return arch ? { format: 'pe', arch } : null;
  }
  if (bytes.length >= 8 && view.getUint32(0, true) === 0xfeedfacf) {
    // 64-bit Mach-O, little-endian: the CPU type follows the magic.
    const arch = MACHO_CPUS.get(view.getUint32(4, true));
    return arch ? { format: 'macho', arch } : null;
  }
  return null;
}

/** The binary format each Electron platform loads. */
export const PLATFORM_FORMATS = Object.freeze({ linux: 'elf', win32: 'pe', darwin: 'macho', mas: 'macho' });
