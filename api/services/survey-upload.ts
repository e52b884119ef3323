import { ApiError } from "../errors.js";
import type { SurveyUpload } from "./survey-import-service.js";

/** The upload's parts from a multipart body (the API's and the page's form alike): the export, the mapping chosen or sent, the units list. */
export async function readSurveyUpload(form: Record<string, unknown>): Promise<SurveyUpload> {
  const file = (name: string) => {
    const value = form[name];
    return value instanceof File && value.size > 0 ? value : null;
  };
  const exported = file("export");
  const mappingFile = file("mappingFile");
  const ref = typeof form.mapping === "string" ? form.mapping.trim() : "";
  const missing = [
    ...(exported
      ? []
      : [{ code: "missing-file", path: "export", message: "choose the survey export (CSV or XLSX)", vi: "hãy chọn tệp xuất khảo sát (CSV hoặc XLSX)" }]),
    ...(mappingFile || ref
      ? []
      : [
          {
            code: "missing-mapping",
            path: "mapping",
            message: "choose a survey mapping or upload one",
            vi: "hãy chọn bảng ánh xạ phiếu khảo sát hoặc tải lên một bảng",
          },
        ]),
  ];
  if (!exported || missing.length > 0)
    throw new ApiError("invalid-request", { en: "the upload is incomplete", vi: "thiếu tệp tải lên" }, { problems: missing });
  const bytes = async (f: File) => new Uint8Array(await f.arrayBuffer());
  const units = file("units");
  return {
    fileName: exported.name || "export.csv",
    bytes: await bytes(exported),
    mapping: mappingFile ? { bytes: await bytes(mappingFile), fileName: mappingFile.name || "mapping.json" } : { ref },
    units: units ? { bytes: await bytes(units), fileName: units.name || "units.csv" } : undefined,
  };
}
