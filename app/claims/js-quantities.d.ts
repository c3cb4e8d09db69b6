/** The part of js-quantities (which ships no types) that the quantity parser uses. */
declare module "js-quantities" {
  interface Qty {
    scalar: number;
    kind(): string;
    units(): string;
    to(units: string): Qty;
  }
  function Qty(value: number, units: string): Qty;
  export default Qty;
}
