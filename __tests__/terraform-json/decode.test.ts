import { StackDocument } from '../../src/terraform-json/document';
import { decodeDocument, decodeDocuments, parseHclFile } from '../../src/terraform-json/decode';
import { withSynthesizedPlatform } from '../../src/terraform-json/synth';

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

describe('one way to read HCL values', () => {
  it('reads a jsonencode object written one attribute per line with non-string values', () => {
    expect(decodeDocument('${jsonencode({\n  Version = "2012-10-17"\n  Max     = 3\n  On      = true\n  Ref     = aws_s3_bucket.x.arn\n})}')).toEqual({
      Version: '2012-10-17',
      Max: 3,
      On: true,
      Ref: '${aws_s3_bucket.x.arn}',
    });
  });

  // The synth path's small reader and HashiCorp's parser must agree on what CDKTF writes.
  it.each([
    '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Deny", "Resource" = [aws_s3_bucket.state.arn, "${aws_s3_bucket.state.arn}/*"], "Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}}]})}',
    '${jsonencode([{"name" = "api", "image" = var.image, "portMappings" = [{"containerPort" = 8080}], "readonlyRootFilesystem" = true, "environment" = [{"name" = "A", "value" = "x=\\"1\\""}]}])}',
    '${jsonencode({\n  a = 1\n  b = [true, null]\n  c = replace(aws_msk_cluster.k.arn, ":cluster/", ":group/")\n})}',
  ])('agrees with @cdktf/hcl2json on %s', async (value) => {
    const stack = new StackDocument('s', [{ resource: { aws_iam_policy: { p: { policy: value } } } }]);
    await decodeDocuments(stack);
    expect(stack.decoded.get(value)).toEqual(decodeDocument(value));
  });

  // The measured reason for the hand-written reader is in src/terraform-json/decode.ts; this keeps it
  // in agreement with HashiCorp's parser on everything the app synthesizes.
  it('agrees with @cdktf/hcl2json on every jsonencode string of every synthesized stack', async () => {
    const stacks = withSynthesizedPlatform({}, (synthesized) => synthesized.map((s) => new StackDocument(s.name, [s.json])));
    let compared = 0;
    for (const stack of stacks) {
      await decodeDocuments(stack);
      for (const [value, parsed] of stack.decoded) {
        expect({ stack: stack.name, value, decoded: decodeDocument(value) }).toEqual({ stack: stack.name, value, decoded: parsed });
        expect(parsed).toBeDefined();
        compared += 1;
      }
    }
    // the app's task definitions and IAM policies: a synth without any would compare nothing
    expect(compared).toBeGreaterThan(50);
  }, 120_000);

  it('reads a whole .tf file into Terraform JSON', async () => {
    const json = await parseHclFile('main.tf', 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = { a = 1 }\n}\n');
    expect(json).toEqual({ resource: { aws_s3_bucket: { b: [{ bucket: 'x', tags: { a: 1 } }] } } });
  });
});
