/** A GOV.UK table's head: one row of column headers, as the app's date tables have. */
export function TableHead({ columns }: { readonly columns: readonly string[] }) {
  return (
    <thead className="govuk-table__head">
      <tr className="govuk-table__row">
        {columns.map((column) => (
          <th key={column} scope="col" className="govuk-table__header">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
