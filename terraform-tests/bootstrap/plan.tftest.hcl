# Mocked plan of the bootstrap stack: the whole synthesized configuration is planned offline
# against a mocked AWS provider (Terraform 1.7+ test framework). The Terraform tier copies this
# file into cdktf.out/stacks/bootstrap/tests/ and runs `terraform test` there.

mock_provider "aws" {
  # Mocked computed values are known while planning, so references and jsonencode'd policies
  # are evaluated and checked instead of staying "known after apply".
  override_during = plan

  mock_resource "aws_s3_bucket" {
    defaults = {
      id  = "atlas-terraform-state-111122223333"
      arn = "arn:aws:s3:::atlas-terraform-state-111122223333"
    }
  }
  mock_resource "aws_dynamodb_table" {
    defaults = {
      arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/atlas-terraform-locks"
    }
  }
}

run "plan" {
  command = plan

  assert {
    condition     = aws_s3_bucket.state.bucket == "atlas-terraform-state-111122223333" && aws_s3_bucket.state.force_destroy == false
    error_message = "the state bucket keeps its name and refuses force_destroy"
  }
  assert {
    condition     = aws_s3_bucket_versioning.state_versioning.versioning_configuration[0].status == "Enabled"
    error_message = "state bucket versioning must be Enabled"
  }
  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.state_encryption.rule : one(r.apply_server_side_encryption_by_default).sse_algorithm]) == "AES256"
    error_message = "the state bucket must be encrypted at rest"
  }
  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.state_public_access.block_public_acls,
      aws_s3_bucket_public_access_block.state_public_access.block_public_policy,
      aws_s3_bucket_public_access_block.state_public_access.ignore_public_acls,
      aws_s3_bucket_public_access_block.state_public_access.restrict_public_buckets,
    ])
    error_message = "all four public access blocks must be on for the state bucket"
  }
  assert {
    condition     = aws_s3_bucket_ownership_controls.state_ownership.rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled on the state bucket"
  }
  assert {
    condition = jsondecode(aws_s3_bucket_policy.state_policy.policy).Statement[0] == {
      Sid       = "DenyInsecureTransport"
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::atlas-terraform-state-111122223333", "arn:aws:s3:::atlas-terraform-state-111122223333/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }
    error_message = "the state bucket policy must deny every non-TLS request on the bucket and its objects"
  }
  assert {
    condition     = aws_s3_bucket_policy.state_policy.bucket == "atlas-terraform-state-111122223333"
    error_message = "the bucket policy must attach to the state bucket"
  }
  assert {
    condition = (
      aws_dynamodb_table.lock.hash_key == "LockID" &&
      aws_dynamodb_table.lock.billing_mode == "PAY_PER_REQUEST" &&
      aws_dynamodb_table.lock.point_in_time_recovery[0].enabled &&
      aws_dynamodb_table.lock.server_side_encryption[0].enabled &&
      aws_dynamodb_table.lock.deletion_protection_enabled
    )
    error_message = "the lock table is keyed by LockID, on demand, with PITR, encryption and deletion protection"
  }
  assert {
    condition     = output.state_bucket == "atlas-terraform-state-111122223333" && output.lock_table == "atlas-terraform-locks"
    error_message = "the outputs name the state bucket and lock table the other stacks use"
  }
}
