/**
 * The risk register, entered as rows in the Recommendation step: what could go wrong, how likely
 * it is, what it would cost, how it is handled, and who watches it. Each cell is saved as it is
 * typed; the report prints the rows as a table.
 */
import { LEVEL_LABELS, LEVELS, ROW_LIMITS } from '@shared/workshop';
import type { Action, Level, RiskRow } from '@shared/workshop';
import { cellId, RowButtons, TextCell } from './rowCells';
import { RowTableFrame } from './RowTableFrame';
import { useRowTable } from './useRowTable';

const TABLE = 'risk';
const ADD_ID = 'risk-add';

type Props = { rows: readonly RiskRow[]; dispatch: (action: Action) => void };

export function RiskRegister({ rows, dispatch }: Props) {
  const { full, add, next, remove } = useRowTable({
    table: TABLE,
    addId: ADD_ID,
    rows,
    limit: ROW_LIMITS.riskRows,
    firstField: 'risk',
    addRow: (id) => dispatch({ type: 'addRisk', id }),
    removeRow: (id) => dispatch({ type: 'removeRisk', id }),
  });

  return (
    <RowTableFrame
      id="risk-register"
      title="Risk register"
      emptyText="No risks yet. Add each risk the room named, how likely it is, what it would cost and who watches it."
      tableClass="row-table__table--risks"
      columns={['Risk', 'Likelihood', 'Impact', 'Mitigation', 'Owner']}
      rowCount={rows.length}
      addId={ADD_ID}
      addLabel="Add a risk"
      onAdd={add}
      fullText={full ? `The register holds at most ${ROW_LIMITS.riskRows} risks.` : null}
    >
      {rows.map((row, index) => {
        const name = `risk ${index + 1}`;
        const update = (field: 'risk' | 'mitigation' | 'owner' | 'likelihood' | 'impact', value: string) =>
          dispatch({ type: 'updateRisk', id: row.id, field, value });
        return (
          <tr key={row.id}>
            <td>
              <TextCell
                id={cellId(TABLE, row.id, 'risk')}
                label={`Risk ${index + 1}`}
                stored={row.risk}
                max={ROW_LIMITS.risk}
                placeholder="What could go wrong"
                save={(text) => update('risk', text)}
                onEnter={() => next(index, 'risk')}
              />
            </td>
            <td>
              <LevelSelect
                label={`Likelihood of ${name}`}
                value={row.likelihood}
                onChange={(level) => update('likelihood', level)}
              />
            </td>
            <td>
              <LevelSelect
                label={`Impact of ${name}`}
                value={row.impact}
                onChange={(level) => update('impact', level)}
              />
            </td>
            <td>
              <TextCell
                id={cellId(TABLE, row.id, 'mitigation')}
                label={`Mitigation of ${name}`}
                stored={row.mitigation}
                max={ROW_LIMITS.mitigation}
                placeholder="How it is prevented or handled"
                save={(text) => update('mitigation', text)}
                onEnter={() => next(index, 'mitigation')}
              />
            </td>
            <td>
              <TextCell
                id={cellId(TABLE, row.id, 'owner')}
                label={`Owner of ${name}`}
                stored={row.owner}
                max={ROW_LIMITS.owner}
                placeholder="Who watches it"
                save={(text) => update('owner', text)}
                onEnter={() => next(index, 'owner')}
              />
            </td>
            <td>
              <RowButtons
                name={name}
                index={index}
                count={rows.length}
                onMove={(offset) => dispatch({ type: 'moveRisk', id: row.id, offset })}
                onRemove={() => remove(index)}
              />
            </td>
          </tr>
        );
      })}
    </RowTableFrame>
  );
}

function LevelSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Level;
  onChange: (level: Level) => void;
}) {
  return (
    <select
      className="input select select--small row-table__level"
      aria-label={label}
      value={value}
      onChange={(event) => {
        const level = LEVELS.find((item) => item === event.target.value);
        if (level) onChange(level);
      }}
    >
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {LEVEL_LABELS[level]}
        </option>
      ))}
    </select>
  );
}
