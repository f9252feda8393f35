/** The text alternative of a chart: its numbers as a table, hidden visually but read by screen readers. */
export function ChartTable({ caption, rowHeader, columns, rows }: { caption: string; rowHeader: string; columns: string[]; rows: { label: string; values: (number | string)[] }[] }) {
  return (
    <table className="visually-hidden" data-testid="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row">{row.label}</th>
            {row.values.map((v, i) => (
              <td key={columns[i] ?? i}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
