/**
 * Brand profiles: list, create or edit (keeping each stored logo, the consultancy's and the
 * client's, unless a new one or null is sent), delete.
 */
import type { ParsedInput } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import { BrandSchema } from '@shared/brands/schema';
import type { Brand } from '@shared/brands/schema';
import type { Db } from '../db/connection';
import { deleteBrand, getBrand, listBrands, saveBrand } from '../db/reports/brands';
import type { EventBus } from './eventBus';

export type BrandServiceDeps = { db: Db; events: EventBus; now: () => Date; newId: () => string };
export type BrandService = ReturnType<typeof createBrandService>;

export function createBrandService({ db, events, now, newId }: BrandServiceDeps) {
  const missing = () =>
    new AppError('not_found', 'That brand profile no longer exists. It may have been deleted.', 'id');

  return {
    list(): Brand[] {
      return listBrands(db);
    },

    get(id: string): Brand | undefined {
      return getBrand(db, id);
    },

    save(draft: ParsedInput<'brands:save'>): Brand {
      const saved = db.transaction(() => {
        const timestamp = now().toISOString();
        const { id, logo, clientLogo, ...fields } = draft;
        const current = id === undefined ? undefined : getBrand(db, id);
        if (id !== undefined && !current) throw missing();
        const brand = BrandSchema.parse({
          ...fields,
          id: current?.id ?? newId(),
          logo: logo === undefined ? (current?.logo ?? null) : logo,
          clientLogo: clientLogo === undefined ? (current?.clientLogo ?? null) : clientLogo,
          createdAt: current?.createdAt ?? timestamp,
          updatedAt: timestamp,
        });
        saveBrand(db, brand);
        return brand;
      })();
      events.emit('brands:changed', {});
      return saved;
    },

    remove(id: string): { id: string } {
      if (!deleteBrand(db, id)) throw missing();
      events.emit('brands:changed', {});
      return { id };
    },
  };
}
