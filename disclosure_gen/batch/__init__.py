"""Batch generation: every workbook of a folder or a CSV manifest, in parallel.

    sources.py   which workbooks, and where each one's documents go (a folder, a manifest)
    task.py      one workbook: validate and generate exactly as ``generate`` does; never raises
    local.py     run the tasks in processes on this machine (concurrent.futures)
    cluster.py   run them on an existing Dask distributed cluster (optional extra ``dask``)
    summary.py   summary.json / summary.csv and the summary table

A bad workbook is a failed row of the summary, never the end of the batch.
"""
