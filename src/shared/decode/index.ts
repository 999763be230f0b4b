/**
 * The decoder kit: one way to check a value that crossed a boundary. Readers take
 * `(value, path, …options)` and throw one DecodeError that names the path.
 */
export { DecodeError, jsonType, type OnProblem, type Reader } from './decode-error';
export {
  array, arrayOf, boolean, cell, count, nonEmptyString, number, object, oneOf, recordOf, string,
  type CountOptions, type ItemLimit, type JsonObject, type LengthLimit,
} from './readers';
export { lenient, nullable, optional, skipInvalid } from './tolerance';
export { shapeOf } from './shape';
