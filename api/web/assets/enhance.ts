/**
 * The pages' only script, and every page works without it. It asks before a form marked
 * `data-confirm` is sent, moves focus to an error summary so screen readers announce it, and
 * refuses a chosen file larger than its input's `data-max-bytes` before it is uploaded.
 */
export const ENHANCE_SCRIPT = `(function(){
document.addEventListener("submit",function(e){var f=e.target;var q=f&&f.getAttribute&&f.getAttribute("data-confirm");
if(q&&!window.confirm(q)){e.preventDefault();}},true);
document.addEventListener("DOMContentLoaded",function(){var s=document.querySelector(".error-summary");if(s){s.setAttribute("tabindex","-1");s.focus();}});
document.addEventListener("change",function(e){var f=e.target;var max=f&&f.getAttribute&&Number(f.getAttribute("data-max-bytes"));
if(!max||!f.files||!f.files[0])return;var m=f.parentNode.querySelector(".file-error");if(m)m.remove();
if(f.files[0].size>max){var s=document.createElement("span");s.className="file-error";s.setAttribute("role","alert");
s.textContent=(document.documentElement.lang==="vi"?"Tệp quá lớn: tối đa ":"File too large: at most ")+f.getAttribute("data-max-text");f.value="";f.parentNode.insertBefore(s,f);}});
})();`;
