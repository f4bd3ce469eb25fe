export * from "./types";
export * from "./indicators";
export * from "./templates";
export * from "./seed-plans";
