/** Which database engine an instance runs, read from its parameter group's family or its `engine`. */
import { isExpression } from '../../terraform-json/document';
import type { TfResource } from '../types';

export type EngineFamily = 'postgres' | 'mysql' | 'sqlserver' | 'db2' | 'oracle' | 'other';

/** `postgres16`, `aurora-postgresql15`, `mysql8.0`, `mariadb10.11`, `sqlserver-se-15.0`, `db2-ae-11.5`... */
export function engineFamily(value: unknown): EngineFamily | undefined {
  if (typeof value !== 'string' || isExpression(value)) return undefined;
  if (/postgres/.test(value)) return 'postgres';
  if (/mysql|mariadb/.test(value)) return 'mysql';
  if (/sqlserver/.test(value)) return 'sqlserver';
  if (/^db2/.test(value)) return 'db2';
  if (/^oracle/.test(value)) return 'oracle';
  return 'other';
}

/** The engine of a database: its own `engine`, else its parameter group's `family`. */
export function databaseEngine(db: TfResource, group?: TfResource): EngineFamily | undefined {
  return engineFamily(db.attributes.engine) ?? engineFamily(group?.attributes.family);
}
