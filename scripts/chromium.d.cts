export interface FoundChromium {
  executablePath: string;
  args: string[];
  /** Environment the browser needs on top of the process's (the bundled build's fonts). */
  env?: Record<string, string>;
  source: string;
}
export declare function findChromium(): Promise<FoundChromium | undefined>;
export declare const FLAGS: string[];
