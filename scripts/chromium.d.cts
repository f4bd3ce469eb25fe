export interface FoundChromium {
  executablePath: string;
  args: string[];
  source: string;
}
export declare function findChromium(): Promise<FoundChromium | undefined>;
export declare const FLAGS: string[];
