/**
 * An attribute's value as markup writes it: the property's own type, or for a number its
 * text (`heading-level="2"`, `rotate="8"`).
 */
export type AttributeValue<T> = T extends number | bigint ? T | `${T}` : T;
