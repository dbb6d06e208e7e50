"""Output folders: what sdkwright wrote (manifest), how hand edits merge with a new
generation (merge: the 3-way merge, the pristine store, the ignore file; regenerate: the plan
of a write), how it writes (transactional write), how a folder differs from what its spec
gives (drift), and whether it already is what generating would give (freshness, the no-op
decision).

The names sdkwright reserves inside an output folder are here, where every module of the
package (and the no-op fast path, which imports nothing costly) finds them.
"""

MANIFEST_NAME = ".sdkwright-manifest.json"
TXN_DIR_NAME = ".sdkwright-txn"  # a write under way (output/write.py)
PRISTINE_DIR = ".sdkwright-pristine"  # the last generation's files (output/merge.py)
IGNORE_NAME = ".sdkwrightignore"  # files no generation writes (output/merge.py)
