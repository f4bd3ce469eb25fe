import { start } from "./bootstrap";
import { engine } from "./engine-wiring";

// Internet Explorer's webview gets a message from compat.js instead (it cannot run this bundle).
if (!(window as { CHITIEU_UNSUPPORTED?: boolean }).CHITIEU_UNSUPPORTED)
  void start(engine).catch((e: unknown) => {
    // The pane could not start at all: say so in the page itself, where the person is looking.
    const box = document.getElementById("container");
    if (box)
      box.textContent = `ChiTieu không khởi động được / could not start: ${e instanceof Error ? e.message : String(e)}`;
  });
