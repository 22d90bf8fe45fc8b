"""Synthetic patient names: about a third Chinese, the rest from many countries."""

from __future__ import annotations

import random

from mmtracker.logic.codes import Sex

CHINESE_SHARE = 1 / 3

CHINESE_SURNAMES = (
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
    "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
    "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
)  # fmt: skip
CHINESE_GIVEN = {
    Sex.MALE: (
        "建国", "志强", "伟", "磊", "军", "勇", "海涛", "明", "国强", "振华",
        "建华", "德明", "永康", "文斌", "晓东", "俊杰", "春生", "立新", "国华", "宏伟",
    ),
    Sex.FEMALE: (
        "秀英", "桂英", "丽", "敏", "静", "玉兰", "秀兰", "淑珍", "红梅", "丽娟",
        "慧敏", "美玲", "桂兰", "晓燕", "雪梅", "凤英", "建英", "春梅", "玉珍", "海燕",
    ),
}  # fmt: skip

# Names that belong together, by origin: (first parts for men, first parts for
# women, last parts), joined as written in full (Vietnamese family names lead).
INTERNATIONAL: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        ("James", "Robert", "David", "Michael", "Thomas", "Richard"),
        ("Margaret", "Susan", "Linda", "Patricia", "Elizabeth", "Helen"),
        ("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clarke", "Evans", "Walker"),
    ),
    (
        ("Jan", "Pieter", "Willem", "Hendrik", "Kees", "Gerrit"),
        ("Anna", "Maria", "Johanna", "Wilhelmina", "Ingrid", "Marloes"),
        ("de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Mulder", "de Boer"),
    ),
    (
        ("Klaus", "Jürgen", "Wolfgang", "Stefan", "Dieter", "Uwe"),
        ("Ursula", "Brigitte", "Monika", "Renate", "Sabine", "Gisela"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner"),
    ),
    (
        ("José", "Carlos", "Manuel", "Javier", "Luis", "Alejandro"),
        ("Carmen", "Isabel", "Dolores", "Pilar", "Lucía", "Rosa"),
        ("García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Ruiz"),
    ),
    (
        ("Giuseppe", "Giovanni", "Antonio", "Mario", "Francesco", "Luigi"),
        ("Giulia", "Francesca", "Rosa", "Anna", "Lucia", "Paola"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"),
    ),
    (
        ("Jean", "Pierre", "Michel", "Philippe", "Alain", "Bernard"),
        ("Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise"),
        ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand"),
    ),
    (
        ("Rajesh", "Suresh", "Anil", "Vijay", "Sanjay", "Ramesh"),
        ("Priya", "Sunita", "Anita", "Lakshmi", "Kavita", "Meena"),
        ("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair"),
    ),
    (
        ("Ahmed", "Mohammed", "Omar", "Hassan", "Youssef", "Khalid"),
        ("Fatima", "Aisha", "Mariam", "Layla", "Noor", "Salma"),
        ("Haddad", "Khoury", "Mansour", "Nasser", "Saleh", "Hamdan", "Aziz", "Farouk"),
    ),
    (
        ("Hiroshi", "Takashi", "Kenji", "Makoto", "Satoshi", "Yoshio"),
        ("Yoko", "Keiko", "Michiko", "Naoko", "Yumiko", "Akiko"),
        ("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"),
    ),
    (
        ("Min-jun", "Seung-ho", "Jae-won", "Dong-hyun", "Sung-min", "Young-soo"),
        ("Ji-yeon", "Mi-kyung", "Eun-ji", "Soo-jin", "Hye-won", "Young-hee"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon"),
    ),
    (
        ("Chukwuemeka", "Oluwaseun", "Babatunde", "Emeka", "Adebayo", "Ikenna"),
        ("Ngozi", "Chiamaka", "Folake", "Adaeze", "Funmilayo", "Nkechi"),
        ("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze", "Nwosu", "Adebayo", "Obi"),
    ),
    (
        ("Piotr", "Krzysztof", "Andrzej", "Tomasz", "Marek", "Janusz"),
        ("Agnieszka", "Małgorzata", "Barbara", "Ewa", "Krystyna", "Danuta"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński"),
    ),
    (
        ("Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan"),
        ("Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif"),
        ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk"),
    ),
    (
        ("Nguyen Van", "Tran Minh", "Le Quang", "Pham Duc", "Hoang Anh", "Vo Thanh"),
        ("Nguyen Thi", "Tran Thu", "Le Ngoc", "Pham Lan", "Hoang Mai", "Vo Hoa"),
        ("Hung", "Dung", "Tuan", "Long", "Hai", "Son", "Binh", "Phuong"),
    ),
    (
        ("Sipho", "Thabo", "Mandla", "Bongani", "Themba", "Sibusiso"),
        ("Nomsa", "Thandi", "Zanele", "Lindiwe", "Precious", "Nokuthula"),
        ("Dlamini", "Nkosi", "Ndlovu", "Khumalo", "Mokoena", "Mahlangu", "Zulu", "Mthembu"),
    ),
    (
        ("Georgios", "Dimitrios", "Konstantinos", "Nikolaos", "Ioannis", "Christos"),
        ("Maria", "Eleni", "Aikaterini", "Vasiliki", "Sofia", "Georgia"),
        ("Papadopoulos", "Nikolaidis", "Georgiou", "Karagiannis", "Vlachos", "Pappas"),
    ),
)


def person_name(rng: random.Random, sex: Sex, chinese: bool) -> str:
    """A plausible full name for a patient of this sex."""
    if chinese:
        return rng.choice(CHINESE_SURNAMES) + rng.choice(CHINESE_GIVEN[sex])
    male, female, last = rng.choice(INTERNATIONAL)
    first = male if sex is Sex.MALE else female
    return f"{rng.choice(first)} {rng.choice(last)}"
