/* Reporting periods (FORMATS.md §4): reading them, and as intervals of months (§4a). */
export * from "./parse";
export * from "./intervals";
