/** Types for the `linebreak` package (UAX #14 break opportunities), which ships none. */
declare module 'linebreak' {
  /** A break opportunity before UTF-16 offset `position`; `required` for mandatory breaks. */
  export interface Break {
    position: number;
    required: boolean;
  }
  /** Iterates the UAX #14 break opportunities of a string. */
  export default class LineBreaker {
    constructor(text: string);
    /** The next opportunity, or null at the end. The end of the string is always reported. */
    nextBreak(): Break | null;
  }
}
