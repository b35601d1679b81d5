import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { Construct } from 'constructs';

export interface LockTableProps {
  readonly tableName: string;
  /** Service-level deletion protection and Terraform `prevent_destroy`. @default true */
  readonly protect?: boolean;
}

/** DynamoDB table for Terraform state locking: on-demand, encrypted, point-in-time recovery. */
export class LockTable extends Construct {
  readonly table: DynamodbTable;

  constructor(scope: Construct, id: string, props: LockTableProps) {
    super(scope, id);
    const protect = props.protect ?? true;
    this.table = new DynamodbTable(this, 'this', {
      name: props.tableName,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'LockID',
      attribute: [{ name: 'LockID', type: 'S' }],
      serverSideEncryption: { enabled: true },
      pointInTimeRecovery: { enabled: true },
      deletionProtectionEnabled: protect,
      lifecycle: { preventDestroy: protect },
    });
  }
}
