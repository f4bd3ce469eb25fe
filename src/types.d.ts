/** Text files bundled as strings (the official list of units). */
declare module "*.csv" {
  const text: string;
  export default text;
}
