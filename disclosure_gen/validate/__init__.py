"""The rule registry, the run over a kind's rules, reports and annotated copies."""
