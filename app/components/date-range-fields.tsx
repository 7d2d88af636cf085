/** The from/to date inputs of a report's GET filter form (`from`, `to` in the URL). */
export function DateRangeFields({ idPrefix, from, to, labels }: { idPrefix: string; from: string; to: string; labels: { from: string; to: string } }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-from`}>{labels.from}</label>
        <input id={`${idPrefix}-from`} type="date" name="from" defaultValue={from} required />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-to`}>{labels.to}</label>
        <input id={`${idPrefix}-to`} type="date" name="to" defaultValue={to} required />
      </div>
    </>
  )
}
