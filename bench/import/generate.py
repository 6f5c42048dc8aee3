#!/usr/bin/env python3
"""Writes N medical-expense notice rows twice: as the CSV an insurer sends (notices.csv) and as the same rows in
PostgreSQL COPY text format for kamogawa_nhi.notice (notices.copy), so both sides load identical rows.
Usage: generate.py N OUT_DIR IMPORT_ID"""
import random
import sys

n, out, import_id = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(2010)
institutions = ['亀田総合病院', '鴨川市立国保病院', 'ひまわり歯科医院', '鴨川中央薬局', '亀田クリニック', '安房地域医療センター']
care = {'亀田総合病院': ('外来', 'OUTPATIENT'), '鴨川市立国保病院': ('外来', 'OUTPATIENT'),
        'ひまわり歯科医院': ('歯科', 'DENTAL'), '鴨川中央薬局': ('調剤', 'PHARMACY'),
        '亀田クリニック': ('外来', 'OUTPATIENT'), '安房地域医療センター': ('入院', 'INPATIENT')}
with open(f'{out}/notices.csv', 'w', encoding='utf-8', newline='') as csv, \
        open(f'{out}/notices.copy', 'w', encoding='utf-8', newline='') as copy:
    csv.write('insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share\r\n')
    for i in range(n):
        person = i // 36           # three lines a month for a year per person
        month = (i // 3) % 12 + 1
        inst = institutions[i % 3 + (person % 2) * 3]
        ja, code = care[inst]
        days = random.randint(1, 5)
        total = random.randint(10, 900) * 100
        share = total * 3 // 10
        number = str(100000 + person)
        csv.write(f'122382,鴨川,{number},00,2025-{month:02d},{inst},{ja},{days},{total},{share}\r\n')
        copy.write(f'122382|鴨川|{number}|00\t2025-{month:02d}-01\t{inst}\t{code}\t{days}\t{total}\t{share}\t{import_id}\n')
