resource "aws_iam_role_policy" "deploy" {
  role = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:*"
      Resource = "*"
    }]
  })
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/legacy/app"
  retention_in_days = var.retention
}
