import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';
import { type Protection, protectionOf } from '../../core/protection';

export interface LockTableProps {
  readonly tableName: string;
  /** `deletionProtection` -> the table's `deletion_protection_enabled`; `preventDestroy` -> its `prevent_destroy`. @default - both on */
  readonly protection?: Protection;
}

/** DynamoDB table for Terraform state locking: on-demand, encrypted, point-in-time recovery. */
export class LockTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: LockTableProps) {
    super(scope, id);
    const protection = protectionOf(props.protection);
    this.table = new DynamodbTable(this, 'this', {
      name: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'LockID',
      attribute: [{ name: 'LockID', type: 'S' }],
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: true },
      deletionProtectionEnabled: protection.deletionProtection,
      lifecycle: { preventDestroy: protection.preventDestroy },
    });
  }
}
