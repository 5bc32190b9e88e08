/**
 * The next steps as actions: what happens, who does it, by when. Entered as rows in the
 * Recommendation step, each cell saved as it is typed; the report prints them as a table.
 */
import { isCalendarDate, ROW_LIMITS } from '@shared/workshop';
import type { Action, ActionRow } from '@shared/workshop';
import { cellId, RowButtons, TextCell } from './rowCells';
import { RowTableFrame } from './RowTableFrame';
import { useRowTable } from './useRowTable';

const TABLE = 'step';
const ADD_ID = 'step-add';

type Props = { rows: readonly ActionRow[]; dispatch: (action: Action) => void };

export function NextStepsTable({ rows, dispatch }: Props) {
  const { full, add, next, remove } = useRowTable({
    table: TABLE,
    addId: ADD_ID,
    rows,
    limit: ROW_LIMITS.actionRows,
    firstField: 'action',
    addRow: (id) => dispatch({ type: 'addNextStep', id }),
    removeRow: (id) => dispatch({ type: 'removeNextStep', id }),
  });

  return (
    <RowTableFrame
      id="next-steps"
      title="Next steps"
      emptyText="No next steps yet. Add what happens next, who does it and by when."
      tableClass="row-table__table--steps"
      columns={['Next step', 'Owner', 'Due date']}
      rowCount={rows.length}
      addId={ADD_ID}
      addLabel="Add a next step"
      onAdd={add}
      fullText={full ? `The list holds at most ${ROW_LIMITS.actionRows} next steps.` : null}
    >
      {rows.map((row, index) => {
        const name = `next step ${index + 1}`;
        const update = (field: 'action' | 'owner' | 'due', value: string) =>
          dispatch({ type: 'updateNextStep', id: row.id, field, value });
        return (
          <tr key={row.id}>
            <td>
              <TextCell
                id={cellId(TABLE, row.id, 'action')}
                label={`Next step ${index + 1}`}
                stored={row.action}
                max={ROW_LIMITS.action}
                placeholder="What happens next"
                save={(text) => update('action', text)}
                onEnter={() => next(index, 'action')}
              />
            </td>
            <td>
              <TextCell
                id={cellId(TABLE, row.id, 'owner')}
                label={`Owner of ${name}`}
                stored={row.owner}
                max={ROW_LIMITS.owner}
                placeholder="Who does it"
                save={(text) => update('owner', text)}
                onEnter={() => next(index, 'owner')}
              />
            </td>
            <td>
              <input
                id={cellId(TABLE, row.id, 'due')}
                type="date"
                className="input row-table__date"
                aria-label={`Due date of ${name}`}
                value={row.due}
                onChange={(event) => {
                  // A date still being typed reads as empty; only whole dates are stored.
                  const value = event.target.value;
                  if (value === '' || isCalendarDate(value)) update('due', value);
                }}
              />
            </td>
            <td>
              <RowButtons
                name={name}
                index={index}
                count={rows.length}
                onMove={(offset) => dispatch({ type: 'moveNextStep', id: row.id, offset })}
                onRemove={() => remove(index)}
              />
            </td>
          </tr>
        );
      })}
    </RowTableFrame>
  );
}
