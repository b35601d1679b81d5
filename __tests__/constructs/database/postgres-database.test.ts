import { Testing } from 'cdktf';
import { PostgresDatabase, type PostgresDatabaseProps } from '../../../src/constructs/database/postgres-database';
import { NameLimitError, Names } from '../../../src/core/naming';
import { PlatformStack } from '../../../src/core/platform-stack';
import { type Json, synthJson } from '../../helpers/synth';
import { PropsError } from '../../../src/core/input-error';
import { expectInputError } from '../../helpers/input-error';

function database(overrides: Partial<PostgresDatabaseProps> = {}): Json {
  const stack = new PlatformStack(Testing.app(), 'test', { region: 'eu-west-1', accountId: '111122223333', tags: { environment: 'dev', layer: 'atlas', repository: 'test' } });
  new PostgresDatabase(stack, 'database', {
    names: new Names('poc-atlas-dev'),
    name: 'db',
    engineVersion: '16',
    instanceClass: 'db.t4g.medium',
    allocatedStorageInGib: 20,
    databaseName: 'app',
    vpcId: 'vpc-0123456789abcdef0',
    subnetIds: ['subnet-a', 'subnet-b'],
    logRetentionInDays: 14,
    ...overrides,
  });
  return synthJson(stack);
}

describe('PostgresDatabase', () => {
  test('defaults: private, single-AZ, snapshot on destroy, 7 days of backups, encrypted, no password anywhere', () => {
    const json = database();
    const db = json.resource.aws_db_instance.database;
    expect(db).toMatchObject({
      publicly_accessible: false,
      multi_az: false,
      skip_final_snapshot: false,
      final_snapshot_identifier: 'poc-atlas-dev-db-final',
      backup_retention_period: 7,
      storage_encrypted: true,
      manage_master_user_password: true,
      max_allocated_storage: 20,
    });
    expect(JSON.stringify(json)).not.toMatch(/"password"/);
  });

  test('the parameter group family follows the major version and forces TLS', () => {
    const group = database({ engineVersion: '15.7' }).resource.aws_db_parameter_group.database_parameter_group;
    expect(group).toMatchObject({ family: 'postgres15', name: 'poc-atlas-dev-db-pg15' });
    expect(group.parameter).toContainEqual({ name: 'rds.force_ssl', value: '1', apply_method: 'immediate' });
  });

  test('exported logs land in log groups with a retention, created first', () => {
    const json = database();
    expect(json.resource.aws_cloudwatch_log_group.database_postgresql_logs).toMatchObject({ name: '/aws/rds/instance/poc-atlas-dev-db/postgresql', retention_in_days: 14 });
    expect(json.resource.aws_db_instance.database.depends_on).toContain('aws_cloudwatch_log_group.database_postgresql_logs');
  });

  test('without a final snapshot no snapshot identifier is set', () => {
    const db = database({ finalSnapshot: false }).resource.aws_db_instance.database;
    expect(db.skip_final_snapshot).toBe(true);
    expect(db).not.toHaveProperty('final_snapshot_identifier');
  });

  test('rejects a public instance without an allow list', () => {
    expectInputError(PropsError, () => database({ publiclyAccessible: true }), 'PostgresDatabase: publiclyAccessible = true with no allowedCidrs. Fix:');
  });

  test('rejects an engine version that is not a PostgreSQL version', () => {
    const error = expectInputError(PropsError, () => database({ engineVersion: 'latest' }), 'PostgresDatabase: engineVersion = "latest" is not a PostgreSQL version. Fix:');
    expect([error.field, error.value, error.fix]).toEqual(['engineVersion', 'latest', 'e.g. "16" or "16.4"']);
  });

  test('rejects an identifier over the RDS limit', () => {
    expectInputError(NameLimitError, () => database({ name: 'd'.repeat(60) }), /RDS identifier .* AWS allows at most 63/);
  });
});
