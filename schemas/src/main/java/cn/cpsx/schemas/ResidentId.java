package cn.cpsx.schemas;

/** 18-character PRC resident ID number with its ISO 7064 MOD 11-2 check character. */
public final class ResidentId {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";

  private ResidentId() {}

  public static boolean isValid(String id) {
    if (id == null || id.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * WEIGHTS[i];
    }
    return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
  }
}
