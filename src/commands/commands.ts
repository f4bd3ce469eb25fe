/*
 * The ribbon's function file. ChiTieu's three buttons only open the task pane at a tab (ShowTaskpane
 * actions in manifest.xml), so nothing runs here; the manifest still requires the page, and Office
 * expects it to call onReady.
 */
if (typeof Office !== "undefined") void Office.onReady();
