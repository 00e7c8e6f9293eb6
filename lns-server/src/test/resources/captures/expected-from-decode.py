import re, sys
# Usage: python3 expected-from-decode.py NAME.decode.txt > NAME.expected.tsv
# Derives NAME.expected.tsv from tshark's NAME.decode.txt: one line per frame, outer headers only.
t = open(sys.argv[1]).read()
print("# frame\tepoch\tsrc\tdst\tsport\tdport\tudp_payload_len")
for fr in re.split(r'\n(?=Frame \d+:)', t):
    n = re.match(r'Frame (\d+):', fr).group(1)
    ep = re.search(r'^    Epoch Time: (\S+) seconds', fr, re.M).group(1)
    ip = re.search(r'^Internet Protocol Version [46], Src: (\S+), Dst: (\S+)$', fr, re.M)
    udp = re.search(r'^User Datagram Protocol, Src Port: (\d+), Dst Port: (\d+)$', fr, re.M)
    pl = re.search(r'^    UDP payload \((\d+) bytes?\)$', fr, re.M)
    print("\t".join([n, ep, ip.group(1), ip.group(2), udp.group(1), udp.group(2), pl.group(1) if pl else "0"]))
