import Decimal from 'decimal.js';

/**
 * decimal.js's defaults are 20 significant digits and exponent notation from 1e21: a 21-digit
 * amount would be rounded in sums and print as "1e+21", which the report schema (plain decimal
 * strings) rejects. Every module that makes amounts imports this once; Decimal is one global.
 */
Decimal.set({ precision: 64, toExpPos: 9e15, toExpNeg: -9e15 });

export { Decimal };
