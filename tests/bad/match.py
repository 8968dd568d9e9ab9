match 1:
    case 1:
        print(1)
