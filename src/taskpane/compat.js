/*
 * Runs before everything else, in any browser Office may use. Volume-licensed Office up to 2019
 * can host add-ins in Internet Explorer 11 ("Trident"), where the pane (React 18, Fluent UI 9) cannot
 * run: say so in Vietnamese and English instead of leaving a blank pane. ES5 on purpose.
 */
(function () {
  if (navigator.userAgent.indexOf("Trident") === -1) return;
  window.CHITIEU_UNSUPPORTED = true;
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("container");
    if (!box) return;
    box.innerHTML =
      '<div style="padding:12px;font-family:Segoe UI,sans-serif">' +
      "<p><b>ChiTieu không chạy được trong phiên bản Excel này.</b></p>" +
      "<p>Excel này mở phần bổ trợ bằng Internet Explorer. Hãy dùng Excel trên web, Microsoft 365 " +
      "hoặc Excel 2021 trở lên; hoặc dùng tệp mẫu (.xlsx) và lệnh chitieu trên máy tính.</p>" +
      '<p lang="en">ChiTieu cannot run in this version of Excel (it hosts add-ins in Internet Explorer). ' +
      "Use Excel on the web, Microsoft 365 or Excel 2021 and later, or the template files and the chitieu command.</p>" +
      "</div>";
  });
})();
