import { UnitReportView } from "../../../src/index.js";
import type { UnitReport } from "../../../src/index.js";
import { TableWrap } from "../components/table-wrap.js";

/**
 * `/results/{campaign}/units/{code}/report`: the unit's one page of the annex (the engine's
 * UnitReportView, the same content as `par report --out report.html`), with the way back and the
 * XLSX download; print CSS hides the site's header and links.
 */
export function UnitReportPage(props: { report: UnitReport; back: string; xlsx: string }) {
  return (
    <UnitReportView
      report={props.report}
      links={{ back: props.back, xlsx: props.xlsx }}
      wrap={(label, table) => <TableWrap label={label}>{table}</TableWrap>}
    />
  );
}
