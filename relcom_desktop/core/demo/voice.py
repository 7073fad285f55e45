"""The child's own words: the five "about me" fields and what they say at check-ins.

Sentences are picked from small banks by age band and filled in with the child's details.
"""

from __future__ import annotations

import random

HOBBIES_YOUNG = (
    "drawing dinosaurs",
    "riding my scooter",
    "Lego",
    "swimming",
    "baking cakes",
    "football in the garden",
    "feeding the ducks",
    "dancing to music",
)
HOBBIES_TEEN = (
    "gaming with my mates",
    "boxing",
    "making beats on my phone",
    "football",
    "drawing anime",
    "skateboarding",
    "cooking",
    "going to youth club",
)
FOODS = ("pasta bake", "my nan's curry", "pancakes", "jollof rice", "fish fingers", "noodles")
PETS = ("a dog called Biscuit", "a cat called Pickle", "a hamster called Nugget", "two rabbits")
TEAMS = ("Demotown Rovers", "Sampleford United", "Exampleton Athletic")

VOICE: dict[str, dict[str, tuple[str, ...]]] = {
    "about_me": {
        "young": (
            "My name is {name} and I am {age}.",
            "I like {hobby} and {hobby2}.",
            "My favourite food is {food}.",
            "At my house there is {pet}.",
            "I am good at making people laugh.",
            "I have a blue teddy called Mr Button who comes everywhere with me.",
        ),
        "teen": (
            "I'm {name}, I'm {age}.",
            "I'm into {hobby} and {hobby2}.",
            "People think I'm quiet but I'm not once I know you.",
            "I support {team} even when they lose, which is a lot.",
            "Best food is {food}, no question.",
            "I don't like being called 'the LAC kid'. I'm just me.",
        ),
    },
    "wishes_and_feelings": {
        "young": (
            "I want to see {link} more.",
            "I feel happy when my carer reads to me at bedtime.",
            "I get sad when I don't know what is happening.",
            "I want to stay at my school with my friends.",
            "Sometimes I feel cross and I don't know why.",
        ),
        "teen": (
            "I want to stay where I am until I'm 18.",
            "I want more say in who I see and when.",
            "I miss {link}, I want proper time with them not just an hour in a room.",
            "I feel like nobody tells me anything until it's already decided.",
            "I want to get my own flat one day but not yet.",
            "I'm alright most days. Nights are harder.",
        ),
    },
    "what_matters": {
        "young": (
            "Seeing {link}.",
            "My teddy and my nightlight.",
            "Going to {hobby} every week.",
            "That my carer picks me up from school.",
            "Having my own bedroom with my drawings on the wall.",
        ),
        "teen": (
            "Keeping my phone, it's how I talk to {link}.",
            "Not moving school again.",
            "Staff who actually listen and don't just write it down.",
            "Being trusted to go out on my own.",
            "My room being my space. Knock first.",
            "Keeping up {hobby}.",
        ),
    },
    "strengths": {
        "young": (
            "I am kind to younger children.",
            "I can count to a hundred.",
            "I am brave at the doctor's.",
            "I tidy up my toys without being told (sometimes).",
            "My teacher says I am a good reader.",
        ),
        "teen": (
            "I'm loyal to my friends.",
            "I'm good with little kids, my sister says so.",
            "I can cook a proper meal for everyone.",
            "I've stuck with {hobby} for two years.",
            "I'm honest even when it gets me in trouble.",
            "I got a merit for my science project.",
        ),
    },
    "needs": {
        "young": (
            "I need grown-ups to tell me what is happening in words I understand.",
            "I need help with my reading.",
            "I need a cuddle when I have bad dreams.",
            "I need to know when I will see {link} next.",
            "I need my speech therapy to keep going.",
        ),
        "teen": (
            "I need help with maths, I'm behind.",
            "I need someone to talk to who isn't paid to write reports about me.",
            "I need a plan for when I'm 18 that's actually a plan.",
            "I need to sort out my sleep.",
            "I need people to give me a chance after I've kicked off.",
            "I need help to keep in touch with {link}.",
        ),
    },
}

CHILD_VIEWS = {
    "young": (
        "I like it here. {carer_line}",
        "I had a good week because I went {hobby}.",
        "I don't like it when I have to go to bed early.",
        "I miss {link}. When can I see them?",
        "School was fun, we did painting.",
        "I was sad on Tuesday but I am okay now.",
    ),
    "teen": (
        "It's alright here. Food's better than the last place.",
        "School is doing my head in but I'm going.",
        "I want to see {link} more, I keep asking.",
        "Staff have been decent this month. {carer_line}",
        "I don't want another move. Just let me settle.",
        "Got into a bit of bother at the weekend, it's sorted now.",
        "I've been doing {hobby} again, it helps.",
    ),
}
CARER_LINES = (
    "My key worker is funny.",
    "My carer makes the best pancakes.",
    "They let me choose what we have for tea on Fridays.",
    "I can talk to them when I'm worried.",
)


def band(age: int) -> str:
    return "young" if age < 11 else "teen"


def _fill(rng: random.Random, text: str, name: str, age: int, link: str) -> str:
    hobbies = HOBBIES_YOUNG if age < 11 else HOBBIES_TEEN
    hobby, hobby2 = rng.sample(hobbies, 2)
    return text.format(
        name=name,
        age="nearly one" if age == 0 else str(age),
        hobby=hobby,
        hobby2=hobby2,
        food=rng.choice(FOODS),
        pet=rng.choice(PETS),
        team=rng.choice(TEAMS),
        link=link,
        carer_line=rng.choice(CARER_LINES),
    )


def child_voice(rng: random.Random, field: str, name: str, age: int, link: str) -> str:
    """Three or four sentences in the child's own words for one "about me" field."""
    bank = VOICE[field][band(age)]
    picked = rng.sample(bank, min(len(bank), rng.randint(3, 4)))
    text = " ".join(_fill(rng, sentence, name, age, link) for sentence in picked)
    if age < 4:
        text = "(Written with my foster carer.) " + text
    return text


def child_view(rng: random.Random, name: str, age: int, link: str) -> str:
    """What the child said at a check-in, one or two sentences."""
    bank = CHILD_VIEWS[band(age)]
    picked = rng.sample(bank, rng.randint(1, 2))
    return " ".join(_fill(rng, sentence, name, age, link) for sentence in picked)
