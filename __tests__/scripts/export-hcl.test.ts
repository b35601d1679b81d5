const { unquoteReferences } = require('../../scripts/export-hcl.js') as { unquoteReferences: (hcl: string) => string };

describe('HCL export (the exit path from CDKTF)', () => {
  it('unquotes references in depends_on and ignore_changes, and leaves other strings alone', () => {
    const hcl = [
      'depends_on = [\n"aws_s3_bucket_public_access_block.state_public_access",\n"data.aws_iam_policy_document.x"\n]',
      'ignore_changes = [\n"desired_capacity"\n]',
      'bucket = "my.bucket"',
    ].join('\n');
    expect(unquoteReferences(hcl)).toBe(
      [
        'depends_on = [\naws_s3_bucket_public_access_block.state_public_access,\ndata.aws_iam_policy_document.x\n]',
        'ignore_changes = [\ndesired_capacity\n]',
        'bucket = "my.bucket"',
      ].join('\n'),
    );
  });
});
