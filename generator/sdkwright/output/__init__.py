"""Output folders: what sdkwright wrote (manifest), how it writes (transactional write), how a
folder differs from what its spec gives (drift), and whether it already is what generating
would give (freshness, the no-op decision).

The names sdkwright reserves inside an output folder are here, where every module of the
package (and the no-op fast path, which imports nothing costly) finds them.
"""

MANIFEST_NAME = ".sdkwright-manifest.json"
TXN_DIR_NAME = ".sdkwright-txn"  # a write under way (output/write.py)
