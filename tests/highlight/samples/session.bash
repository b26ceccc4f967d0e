conda create -n thesis python=3.11 numpy scipy
conda activate thesis
pip install -r requirements.txt
git clone https://github.com/academicpages/academicpages.github.io.git
cd academicpages.github.io && bundle exec jekyll serve -l -H localhost
sudo apt-get install texlive-full # this takes a while
ls -la ~/.ssh/ | grep id_ | sort -k5 -n
x=1; y="a b"; echo ${x} $y \
  continued
echo "sum: $((x + 2 * 3))"
echo für done
ifé=1; forx
