import { decodeDocument } from '../../src/policy/hcl';

describe('decodeDocument', () => {
  it('reads the jsonencode expression CDKTF writes, keeping references as expressions', () => {
    const policy =
      '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Deny", "Resource" = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"], "Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}, "Max" = 3, "On" = true}]})}';
    expect(decodeDocument(policy)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Resource: ['${aws_s3_bucket.state.arn}', '${aws_s3_bucket.state.arn}/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Max: 3,
          On: true,
        },
      ],
    });
  });

  it('reads a literal JSON string', () => {
    expect(decodeDocument('[{"name":"api","privileged":false}]')).toEqual([{ name: 'api', privileged: false }]);
  });

  it('returns undefined for what it cannot read', () => {
    expect(decodeDocument('${templatefile("x.json", {})}')).toBeUndefined();
    expect(decodeDocument('${var.policy}')).toBeUndefined();
    expect(decodeDocument('{not json')).toBeUndefined();
  });
});
