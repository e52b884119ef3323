/**
 * The pages' only script, and every page works without it. It asks before a form marked
 * `data-confirm` is sent, and moves focus to an error summary so screen readers announce it.
 */
export const ENHANCE_SCRIPT = `(function(){
document.addEventListener("submit",function(e){var f=e.target;var q=f&&f.getAttribute&&f.getAttribute("data-confirm");
if(q&&!window.confirm(q)){e.preventDefault();}},true);
document.addEventListener("DOMContentLoaded",function(){var s=document.querySelector(".error-summary");if(s){s.setAttribute("tabindex","-1");s.focus();}});
})();`;
