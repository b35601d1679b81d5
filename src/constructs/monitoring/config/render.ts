/** Serializes a generated configuration object to YAML, deterministically (keys in written order). */
import { stringify } from 'yaml';

export function toYaml(config: object): string {
  // No line folding and no anchors: the file must read the same as the object that produced it.
  return stringify(config, { lineWidth: 0, aliasDuplicateObjects: false });
}
