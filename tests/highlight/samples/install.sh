#!/bin/bash
# Set up the environment and run the experiments.
set -euo pipefail

DATA_DIR="${HOME}/data/${PROJECT:-thesis}"
N=$(nproc)
export OMP_NUM_THREADS=$((N / 2))

if [ ! -d "$DATA_DIR" ]; then
    mkdir -p "$DATA_DIR" && echo "created $DATA_DIR"
fi

for seed in 1 2 3; do
    python train.py --seed "$seed" --epochs 10 -v > "log-$seed.txt" 2>&1 &
done
wait

case "$1" in
    clean) rm -rf build/ ;;
    *) echo 'unknown command' ;;
esac

cat <<EOF
Results are in $DATA_DIR
EOF

cat <<-'END' > notes.txt
	literal $HOME here
	END

function summary {
    grep -h 'loss' log-*.txt | awk '{ s += $2 } END { print s / NR }'
    local files=`ls *.txt | wc -l`
    echo $'tab\there' "${#files}" $? $@ "$*"
}
tar -czf results.tar.gz results/ && scp results.tar.gz user@host:~/
