import { COMMANDS } from '@shared/app/contract';
import { useModalDialog } from './useModalDialog';
import { formatKeys } from '../app/commands';

/** Every keyboard shortcut, from the same table the keyboard handler uses. */
export function ShortcutsOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModalDialog(open);
  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => (e.preventDefault(), onClose())}
    >
      <h2 id="shortcuts-title" className="dialog__title">
        Keyboard shortcuts
      </h2>
      <table className="table table--compact shortcuts">
        <tbody>
          {Object.values(COMMANDS)
            .filter((command) => command.keys.length > 0)
            .map((command) => (
              <tr key={command.label}>
                <th scope="row">{command.label}</th>
                <td>
                  {command.keys.map((keys, i) => (
                    <span key={keys}>
                      {i > 0 ? ' or ' : ''}
                      <kbd>{formatKeys(keys)}</kbd>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <p className="muted">A presentation clicker’s forward and back buttons move between steps.</p>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
