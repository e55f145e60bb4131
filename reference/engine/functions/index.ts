// Loads every function module so each registers itself.
import './arithmetic.ts';
import './logic.ts';
import './strings.ts';
import './conversion.ts';
import './dates.ts';
import './misc.ts';
import './types.ts';
import './bits.ts';
import './access.ts';
