package diag

import "strings"

// Suggest returns the candidate closest to name, or "" when none is close
// enough to be a likely typo. Comparison ignores case.
func Suggest(name string, candidates []string) string {
	best, bestDist := "", -1
	lname := strings.ToLower(name)
	for _, c := range candidates {
		d := distance(lname, strings.ToLower(c))
		if bestDist < 0 || d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if bestDist < 0 || bestDist > maxTypos(name) {
		return ""
	}
	return best
}

// DidYouMean returns `; did you mean "x"?` for the closest candidate, or "".
func DidYouMean(name string, candidates []string) string {
	if s := Suggest(name, candidates); s != "" && s != name {
		return `; did you mean "` + s + `"?`
	}
	return ""
}

// maxTypos allows about one slip per four letters, and at least one.
func maxTypos(name string) int {
	return max(1, len([]rune(name))/4)
}

// distance is the Damerau–Levenshtein (optimal string alignment) distance
// between a and b, counted in runes, so that a swapped pair of letters is
// one typo.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
