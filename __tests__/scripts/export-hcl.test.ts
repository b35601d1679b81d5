const { heredocsAsWritten, unquoteReferences } = require('../../scripts/export-hcl.js') as { heredocsAsWritten: (hcl: string) => string; unquoteReferences: (hcl: string) => string };

describe('HCL export (the exit path from CDKTF)', () => {
  it('unquotes references in depends_on and ignore_changes, and leaves other strings alone', () => {
    const hcl = [
      'depends_on = [\n"aws_s3_bucket_public_access_block.state_public_access",\n"data.aws_iam_policy_document.x"\n]',
      'ignore_changes = [\n"desired_capacity"\n]',
      'bucket = "my.bucket"',
    ].join('\n');
    expect(unquoteReferences(hcl)).toBe(
      ['depends_on = [\naws_s3_bucket_public_access_block.state_public_access,\ndata.aws_iam_policy_document.x\n]', 'ignore_changes = [\ndesired_capacity\n]', 'bucket = "my.bucket"'].join('\n'),
    );
  });

  it('keeps the exact value of multi-line strings (cdktf adds a newline to every heredoc)', () => {
    // GIVEN what cdktf writes for "a=1\nb=2\n" and for "a=1\nb=2"
    const written = 'x = <<EOF\na=1\nb=2\n\nEOF\ny = <<EOF\na=1\nb=2\nEOF\nz = "c"';
    // THEN the first loses the added newline and the second is chomped back to no trailing newline
    expect(heredocsAsWritten(written)).toBe('x = <<EOF\na=1\nb=2\nEOF\ny = chomp(<<EOF\na=1\nb=2\nEOF\n)\nz = "c"');
  });
});
