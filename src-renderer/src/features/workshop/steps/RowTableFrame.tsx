/**
 * What the risk register and the next steps share around their rows: the titled group, the text
 * shown while there are none, the table's header, and the add button with the limit it reached.
 */
import type { ReactNode } from 'react';
import './rowTables.css';

type Props = {
  /** The group's id prefix: its title is `${id}-title`. */
  id: string;
  title: string;
  emptyText: string;
  /** The table's own modifier class, e.g. "row-table__table--risks". */
  tableClass: string;
  columns: readonly string[];
  rowCount: number;
  addId: string;
  addLabel: string;
  onAdd: () => void;
  /** Said beside the disabled add button when the table is full; null while it is not. */
  fullText: string | null;
  children: ReactNode;
};

export function RowTableFrame(props: Props) {
  const titleId = `${props.id}-title`;
  return (
    <div className="row-table" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} className="row-table__title">
        {props.title}
      </h3>
      {props.rowCount === 0 ? (
        <p className="muted">{props.emptyText}</p>
      ) : (
        <div className="table-scroll">
          <table className={`table table--compact row-table__table ${props.tableClass}`}>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Order and removal</span>
                </th>
              </tr>
            </thead>
            <tbody>{props.children}</tbody>
          </table>
        </div>
      )}
      <div className="row-table__add">
        <button
          id={props.addId}
          type="button"
          className="button button--small"
          onClick={props.onAdd}
          disabled={props.fullText !== null}
        >
          {props.addLabel}
        </button>
        {props.fullText !== null ? <span className="muted">{props.fullText}</span> : null}
      </div>
    </div>
  );
}
