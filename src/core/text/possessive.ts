/**
 * The English possessive of a name: "Russia’s", but "European governments’" and "the United States’" (a
 * name that ends in a plural "s" takes the apostrophe alone; "Congress’s" keeps it). `apostrophe` is the
 * mark to use (the catalogue mixes ’ and ').
 */
export function possessive(name: string, apostrophe = '’'): string {
  const plural = /[^s]s$/i.test(name.trimEnd())
  return plural ? `${name}${apostrophe}` : `${name}${apostrophe}s`
}
