import type { Lang } from "../../../src/index.js";

const TEXT = {
  vi: {
    401: { title: "Cần đăng nhập", lead: "Trang này chỉ dành cho người đã đăng nhập." },
    403: { title: "Bạn không có quyền xem trang này", lead: "Tài khoản của bạn không được phép làm việc này." },
    404: { title: "Không tìm thấy trang", lead: "Địa chỉ có thể bị gõ sai, hoặc kết quả này chưa được công bố." },
    500: { title: "Đã có lỗi xảy ra", lead: "Lỗi đã được ghi lại. Vui lòng thử lại sau ít phút." },
    other: { title: "Không thực hiện được yêu cầu", lead: "Yêu cầu chưa hợp lệ." },
    detail: "Chi tiết (tiếng Anh)",
    home: "Về trang chủ",
  },
  en: {
    401: { title: "Sign in needed", lead: "This page is for signed-in users." },
    403: { title: "You may not see this page", lead: "Your account is not allowed to do this." },
    404: { title: "Page not found", lead: "The address may be mistyped, or these results are not published yet." },
    500: { title: "Something went wrong", lead: "The error has been logged. Please try again in a few minutes." },
    other: { title: "The request could not be done", lead: "The request is not valid." },
    detail: "Details",
    home: "Go to the home page",
  },
} as const;

/** The page a browser gets for an error: what happened in plain words, the service's message, a way home. */
export function ErrorPage(props: { lang: Lang; status: number; message: string | null }) {
  const t = TEXT[props.lang];
  const text = errorText(props.lang, props.status);
  return (
    <div class="error-page">
      <h1>{text.title}</h1>
      <p class="lead">{text.lead}</p>
      {props.message && props.status < 500 ? (
        <p class="code-line">
          {t.detail}: {props.message}
        </p>
      ) : null}
      <p>
        <a href="/">{t.home}</a>
      </p>
    </div>
  );
}

export function errorText(lang: Lang, status: number): { title: string; lead: string } {
  const t = TEXT[lang];
  if (status === 401 || status === 403 || status === 404) return t[status];
  return status >= 500 ? t[500] : t.other;
}
