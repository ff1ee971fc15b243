"""Cross-checks: lines against their fund types, projects on 项目自评 against 决算明细."""
