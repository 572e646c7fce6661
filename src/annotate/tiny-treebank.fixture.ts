// A hand-written treebank of a few news-style sentences, for tests that train tiny models and check they fit.
export const TINY_CONLLU = `# text = The minister said talks would resume .
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	talks	talk	NOUN	NNS	_	6	nsubj	_	_
5	would	would	AUX	MD	_	6	aux	_	_
6	resume	resume	VERB	VB	_	3	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# text = Police arrested two protesters in the capital on Monday .
1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	two	two	NUM	CD	_	4	nummod	_	_
4	protesters	protester	NOUN	NNS	_	2	obj	_	_
5	in	in	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	capital	capital	NOUN	NN	_	2	obl	_	_
8	on	on	ADP	IN	_	9	case	_	_
9	Monday	Monday	PROPN	NNP	_	2	obl:tmod	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_

# text = The talks were suspended by the government .
1	The	the	DET	DT	_	2	det	_	_
2	talks	talk	NOUN	NNS	_	4	nsubj:pass	_	_
3	were	be	AUX	VBD	_	4	aux:pass	_	_
4	suspended	suspend	VERB	VBN	_	0	root	_	_
5	by	by	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	government	government	NOUN	NN	_	4	obl:agent	_	SpaceAfter=No
8	.	.	PUNCT	.	_	4	punct	_	_

# text = She met the envoy who visited Kyiv .
1	She	she	PRON	PRP	_	2	nsubj	_	_
2	met	meet	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	envoy	envoy	NOUN	NN	_	2	obj	_	_
5	who	who	PRON	WP	_	6	nsubj	_	_
6	visited	visit	VERB	VBD	_	4	acl:relcl	_	_
7	Kyiv	Kyiv	PROPN	NNP	_	6	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

# text = Leaders are meeting and talking .
1	Leaders	leader	NOUN	NNS	_	3	nsubj	_	_
2	are	be	AUX	VBP	_	3	aux	_	_
3	meeting	meet	VERB	VBG	_	0	root	_	_
4	and	and	CCONJ	CC	_	5	cc	_	_
5	talking	talk	VERB	VBG	_	3	conj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	3	punct	_	_
`;
